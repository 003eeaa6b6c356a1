package webserve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// errNotUploaded refuses a path-taking call whose argument is not an upload of this run:
// over HTTP the services read no file but those the browser sent.
var errNotUploaded = errors.New("浏览器模式下只能导入从页面上传的文件：请把文件拖到页面上，或点“选择文件”")

// resolvePaths turns the upload handles in a path-taking call's arguments (Config.PathArgs)
// into the files' paths, in place. It returns what turns those paths in the answer back
// into handles, so the browser never sees where the files are and can name them again.
// A call of any other method passes unchanged.
func (s *Server) resolvePaths(method string, in []reflect.Value) (func([]byte) []byte, error) {
	idx, ok := s.cfg.PathArgs[method]
	if !ok {
		return func(b []byte) []byte { return b }, nil
	}
	var pairs [][2][]byte // JSON text of a path, of its handle
	resolve := func(handle string) (string, error) {
		p, ok := s.uploads.resolve(handle)
		if !ok {
			return "", errNotUploaded
		}
		pairs = append(pairs, [2][]byte{jsonText(p), jsonText(handle)})
		return p, nil
	}
	for _, k := range idx {
		if k >= len(in) {
			return nil, fmt.Errorf("%s：参数 %d 不存在", method, k+1)
		}
		v := in[k]
		switch {
		case v.Kind() == reflect.String:
			p, err := resolve(v.String())
			if err != nil {
				return nil, err
			}
			v.SetString(p)
		case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
			for j := range v.Len() {
				p, err := resolve(v.Index(j).String())
				if err != nil {
					return nil, err
				}
				v.Index(j).SetString(p)
			}
		default:
			return nil, fmt.Errorf("%s 的第 %d 个参数不是文件", method, k+1)
		}
	}
	return func(b []byte) []byte {
		for _, p := range pairs {
			b = bytes.ReplaceAll(b, p[0], p[1])
		}
		return b
	}, nil
}

// jsonText is s as it appears inside a JSON string (escaped, without the quotes).
func jsonText(s string) []byte {
	b, _ := json.Marshal(s)
	return b[1 : len(b)-1]
}
